#include <crosswalk/io/hash.hpp>

#include <openssl/evp.h>

#include <array>
#include <fstream>
#include <memory>

namespace cw {
namespace {

struct DigestContext {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx{EVP_MD_CTX_new(), &EVP_MD_CTX_free};

    DigestContext() {
        if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) throw std::bad_alloc();
    }
    void update(const void* data, std::size_t size) { EVP_DigestUpdate(ctx.get(), data, size); }
    std::string hex() {
        std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
        unsigned int length = 0;
        EVP_DigestFinal_ex(ctx.get(), digest.data(), &length);
        static constexpr char kDigits[] = "0123456789abcdef";
        std::string out;
        out.reserve(length * 2);
        for (unsigned int i = 0; i < length; ++i) {
            out.push_back(kDigits[digest[i] >> 4]);
            out.push_back(kDigits[digest[i] & 0x0f]);
        }
        return out;
    }
};

}  // namespace

std::string sha256Hex(std::string_view bytes) {
    DigestContext digest;
    digest.update(bytes.data(), bytes.size());
    return digest.hex();
}

Result<std::string> sha256File(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Error::notFound(file.string() + ": cannot open for reading");
    DigestContext digest;
    std::array<char, 1 << 16> buffer{};
    while (in) {
        in.read(buffer.data(), buffer.size());
        const auto got = in.gcount();
        if (got > 0) digest.update(buffer.data(), static_cast<std::size_t>(got));
    }
    if (in.bad()) return Error::internal(file.string() + ": read error");
    return digest.hex();
}

}  // namespace cw

#include "png.hpp"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

namespace cw::gui {

bool writePng(const std::filesystem::path& file, const Image& image, std::string& error) {
    const std::size_t expected = static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 3u;
    if (image.width <= 0 || image.height <= 0 || image.rgb.size() != expected) {
        error = "empty or inconsistent image";
        return false;
    }
    if (stbi_write_png(file.c_str(), image.width, image.height, 3, image.rgb.data(), image.width * 3) == 0) {
        error = "cannot write " + file.string();
        return false;
    }
    return true;
}

}  // namespace cw::gui

// Checks a screenshot: a real PNG of the expected size with several distinct colours.
//   gui_png_check FILE WIDTH HEIGHT MIN_COLOURS
#define STB_IMAGE_IMPLEMENTATION
#include <stb/stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: gui_png_check FILE WIDTH HEIGHT MIN_COLOURS\n");
        return 2;
    }
    unsigned char magic[8] = {};
    if (FILE* f = std::fopen(argv[1], "rb")) {
        const std::size_t n = std::fread(magic, 1, sizeof magic, f);
        std::fclose(f);
        if (n != sizeof magic || std::memcmp(magic, "\x89PNG\r\n\x1a\n", 8) != 0) {
            std::fprintf(stderr, "%s: not a PNG (bad signature)\n", argv[1]);
            return 1;
        }
    } else {
        std::fprintf(stderr, "%s: cannot open\n", argv[1]);
        return 1;
    }
    int width = 0;
    int height = 0;
    int channels = 0;
    unsigned char* pixels = stbi_load(argv[1], &width, &height, &channels, 3);
    if (pixels == nullptr) {
        std::fprintf(stderr, "%s: cannot decode: %s\n", argv[1], stbi_failure_reason());
        return 1;
    }
    const int wantWidth = std::atoi(argv[2]);
    const int wantHeight = std::atoi(argv[3]);
    const std::size_t wantColours = static_cast<std::size_t>(std::atoi(argv[4]));
    std::set<unsigned> colours;
    const std::size_t count = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    for (std::size_t i = 0; i < count; ++i) {
        const unsigned char* p = pixels + i * 3;
        colours.insert((unsigned{p[0]} << 16) | (unsigned{p[1]} << 8) | unsigned{p[2]});
    }
    stbi_image_free(pixels);
    std::printf("%s: %dx%d, %zu distinct colours\n", argv[1], width, height, colours.size());
    if (width != wantWidth || height != wantHeight) {
        std::fprintf(stderr, "expected %dx%d\n", wantWidth, wantHeight);
        return 1;
    }
    if (colours.size() < wantColours) {
        std::fprintf(stderr, "expected at least %zu distinct colours\n", wantColours);
        return 1;
    }
    return 0;
}

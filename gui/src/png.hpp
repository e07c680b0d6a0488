// Screenshots: an RGB image written as PNG (stb_image_write from Debian's libstb-dev).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace cw::gui {

struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgb;  ///< top row first, 3 bytes per pixel
};

bool writePng(const std::filesystem::path& file, const Image& image, std::string& error);

}  // namespace cw::gui

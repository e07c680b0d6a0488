// The one seam between the GUI and the window system: only platform_glfw.cpp
// includes GLFW and OpenGL.
#pragma once

#include "png.hpp"

#include <functional>
#include <memory>
#include <string>

namespace cw::gui {

struct WindowOptions {
    std::string title = "Crosswalk";
    int width = 1400;
    int height = 900;
    bool resizable = true;
    bool ignoreMouse = false;  ///< screenshots: no hover from wherever the pointer happens to be
};

/// What the frame loop calls.
struct FrameLoop {
    std::function<void()> beforeFrame;          ///< before NewFrame: the place to rebuild fonts
    std::function<bool()> frame;                ///< draws one frame; false stops the loop
    int maxFrames = 0;                          ///< 0: until the window closes
    std::function<void(const Image&)> capture;  ///< gets the last frame's pixels when set
};

class Platform {
public:
    /// Creates the window and the ImGui context; nullptr (with a message) when there is no display.
    static std::unique_ptr<Platform> create(const WindowOptions& options, std::string& error);
    ~Platform();
    Platform(const Platform&) = delete;
    Platform& operator=(const Platform&) = delete;

    void run(const FrameLoop& loop);
    /// Uploads io.Fonts again after it was rebuilt.
    void reloadFontTexture();
    /// The io.KeysDown index of a letter key ('A'..'Z').
    static int letterKey(char letter);

private:
    Platform() = default;
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace cw::gui

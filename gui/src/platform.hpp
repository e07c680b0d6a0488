// The one seam between the GUI and the window system: only platform_glfw.cpp
// includes GLFW and OpenGL.
#pragma once

#include <functional>
#include <memory>
#include <string>

namespace cw::gui {

struct WindowOptions {
    std::string title = "Crosswalk";
    int width = 1280;
    int height = 800;
    float fontScale = 1.0f;
};

class Platform {
public:
    /// Creates the window and the ImGui context; nullptr (with a message) when there is no display.
    static std::unique_ptr<Platform> create(const WindowOptions& options, std::string& error);
    ~Platform();
    Platform(const Platform&) = delete;
    Platform& operator=(const Platform&) = delete;

    /// Runs the frame loop; `frame` draws one frame. Stops when the window closes or
    /// after `maxFrames` frames (0 = no limit).
    void run(const std::function<void()>& frame, int maxFrames);

private:
    Platform() = default;
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace cw::gui

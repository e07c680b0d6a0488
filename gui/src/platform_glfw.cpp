#include "platform.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cfloat>
#include <cstring>

namespace cw::gui {

struct Platform::Impl {
    GLFWwindow* window = nullptr;
    bool ignoreMouse = false;
};

std::unique_ptr<Platform> Platform::create(const WindowOptions& options, std::string& error) {
    if (glfwInit() == GLFW_FALSE) {
        error = "cannot initialise GLFW (is there a display? set DISPLAY or run under xvfb-run)";
        return nullptr;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_RESIZABLE, options.resizable ? GLFW_TRUE : GLFW_FALSE);
    GLFWwindow* window = glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
    if (window == nullptr) {
        error = "cannot create an OpenGL 3.0 window";
        glfwTerminate();
        return nullptr;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 130");

    std::unique_ptr<Platform> platform(new Platform());
    platform->m_impl = std::make_unique<Impl>();
    platform->m_impl->window = window;
    platform->m_impl->ignoreMouse = options.ignoreMouse;
    return platform;
}

Platform::~Platform() {
    if (!m_impl) return;
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(m_impl->window);
    glfwTerminate();
}

void Platform::reloadFontTexture() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

int Platform::letterKey(char letter) {
    // GLFW's key codes for letters are their upper-case ASCII codes.
    return GLFW_KEY_A + (letter - 'A');
}

void Platform::run(const FrameLoop& loop) {
    for (int n = 0; glfwWindowShouldClose(m_impl->window) == 0 && (loop.maxFrames == 0 || n < loop.maxFrames); ++n) {
        glfwPollEvents();
        if (loop.beforeFrame) loop.beforeFrame();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        if (m_impl->ignoreMouse) {
            ImGuiIO& io = ImGui::GetIO();
            io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
            for (bool& down : io.MouseDown) down = false;
        }
        ImGui::NewFrame();
        const bool more = loop.frame();
        ImGui::Render();
        int width = 0;
        int height = 0;
        glfwGetFramebufferSize(m_impl->window, &width, &height);
        glViewport(0, 0, width, height);
        glClearColor(0.10f, 0.11f, 0.13f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        const bool last = !more || (loop.maxFrames != 0 && n + 1 == loop.maxFrames);
        if (last && loop.capture && width > 0 && height > 0) {
            Image image;
            image.width = width;
            image.height = height;
            const std::size_t stride = static_cast<std::size_t>(width) * 3u;
            std::vector<std::uint8_t> bottomUp(stride * static_cast<std::size_t>(height));
            glReadBuffer(GL_BACK);
            glPixelStorei(GL_PACK_ALIGNMENT, 1);
            glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, bottomUp.data());
            image.rgb.resize(bottomUp.size());
            for (std::size_t row = 0; row < static_cast<std::size_t>(height); ++row) {
                std::memcpy(image.rgb.data() + row * stride,
                            bottomUp.data() + (static_cast<std::size_t>(height) - 1 - row) * stride, stride);
            }
            loop.capture(image);
        }
        glfwSwapBuffers(m_impl->window);
        if (!more) break;
    }
}

}  // namespace cw::gui

#include "platform.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

namespace cw::gui {

struct Platform::Impl {
    GLFWwindow* window = nullptr;
};

std::unique_ptr<Platform> Platform::create(const WindowOptions& options, std::string& error) {
    if (glfwInit() == GLFW_FALSE) {
        error = "cannot initialise GLFW (is there a display? set DISPLAY or run under xvfb-run)";
        return nullptr;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
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
    io.FontGlobalScale = options.fontScale;
    ImGui::StyleColorsDark();
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 130");

    std::unique_ptr<Platform> platform(new Platform());
    platform->m_impl = std::make_unique<Impl>();
    platform->m_impl->window = window;
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

void Platform::run(const std::function<void()>& frame, int maxFrames) {
    for (int n = 0; glfwWindowShouldClose(m_impl->window) == 0 && (maxFrames == 0 || n < maxFrames); ++n) {
        glfwPollEvents();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        frame();
        ImGui::Render();
        int width = 0;
        int height = 0;
        glfwGetFramebufferSize(m_impl->window, &width, &height);
        glViewport(0, 0, width, height);
        glClearColor(0.10f, 0.11f, 0.13f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        glfwSwapBuffers(m_impl->window);
    }
}

}  // namespace cw::gui

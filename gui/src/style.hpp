// Fonts and colours: a readable default (DejaVu Sans 16 px when installed) scaled by
// the DPI setting. The atlas is rebuilt at the scale so text stays crisp.
#pragma once

namespace cw::gui {

/// Rebuilds io.Fonts for `scale`; the renderer must re-upload the texture afterwards.
void buildFonts(float scale);
/// Resets the style to the house theme with sizes multiplied by `scale`.
void applyStyle(float scale);

}  // namespace cw::gui

package io.chainpos.till.ui.fx;

import java.util.Collection;
import java.util.List;

/**
 * The font the screens use: the first installed of families that draw Chinese well on the tills we support.
 * JavaFX CSS does not fall back along a font-family list (an unknown first family gives "System"), so the choice
 * is made here against the installed families and set on the scene's root.
 */
public final class Fonts {
    /** Windows, macOS, then Linux (Debian/Ubuntu: fonts-noto-cjk, fonts-wqy-microhei). */
    public static final List<String> PREFERRED = List.of("Microsoft YaHei", "Microsoft YaHei UI", "PingFang SC",
            "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
            "SimHei");

    private Fonts() {
    }

    /** The family to use among those installed; "System" (the platform's own, with its own fallback) when none is. */
    public static String pick(Collection<String> installed) {
        return PREFERRED.stream().filter(installed::contains).findFirst().orElse("System");
    }
}

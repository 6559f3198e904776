package io.chainpos.till.device.printer;

import java.util.Locale;

/**
 * How QR codes reach paper: NATIVE asks the printer to draw them (GS ( k, model 2), RASTER sends them as an
 * image (GS v 0) for printers that have no QR command of their own.
 */
public enum QrPrinting {
    NATIVE, RASTER;

    public static QrPrinting ofName(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("QR codes print native or raster, not '" + name + "'", e);
        }
    }
}

package io.chainpos.till.device.scanner;

/**
 * Where every scanner delivers what it reads, whichever kind it is. Called on the scanner's own thread (the
 * JavaFX thread for a keyboard-wedge scanner, a device thread for a serial one).
 */
@FunctionalInterface
public interface ScanHandler {

    void onScan(Scan scan);
}

package io.chainpos.till.device.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every key of {@code devices.properties}, in file order, with the comment written above it in the file. */
final class SettingKeys {
    static final Map<String, String> DESCRIBED = Collections.unmodifiableMap(describe());

    private SettingKeys() {
    }

    private static Map<String, String> describe() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("printer.transport", "How the receipt printer is reached: usb, serial, tcp, file or none.");
        keys.put("printer.address", "usb: the device file (Linux /dev/usb/lp0). serial: the port (/dev/ttyUSB0, COM3).\n"
                + "tcp: host or host:port (port 9100 when left out). file: a file path, relative to the data folder.");
        keys.put("printer.baud", "Serial printers only: the baud rate set on the printer (often 9600 or 19200).");
        keys.put("printer.paper", "Paper width in mm: 80 (48 columns) or 58 (32 columns).");
        keys.put("printer.codepage", "gb18030 for Chinese printers (Chinese prints), cp437 for Western ones (Chinese prints as ?).");
        keys.put("printer.qr", "native: the printer draws QR codes itself (GS ( k); raster: sent as an image, for printers without.");
        keys.put("printer.receiptCode", "The receipt number's code for returns: auto (CODE128 where it fits the paper, else QR) or qr.");
        keys.put("printer.status", "on: ask the printer for paper and cover status before each receipt (tcp and serial printers).\n"
                + "off: for printers that do not answer status requests.");
        keys.put("printer.timeoutMillis", "How long to wait for the printer to connect or answer, in milliseconds.");
        keys.put("printer.retrySeconds", "While the printer is out of paper, open or unreachable, try again this often.");
        keys.put("receipt.language", "The language of receipts and the customer display: zh or en.");
        keys.put("receipt.header", "The store's lines at the top of every receipt; \\n between lines. The first prints large.");
        keys.put("receipt.footer", "Lines at the bottom of every receipt; \\n between lines.");
        keys.put("scanner.port", "A serial scanner's port (/dev/ttyACM0, /dev/ttyUSB0, COM4); empty for USB keyboard scanners only.");
        keys.put("scanner.baud", "The serial scanner's baud rate, as set in the scanner (often 9600 or 115200).");
        keys.put("scanner.suffix", "What the serial scanner sends after each code: cr, lf, crlf or tab.");
        keys.put("scanner.wedgeGapMillis", "Keyboard scanners: the longest gap between the keys of one scan, in ms. Raise it for a slow scanner.");
        keys.put("scanner.wedgeMinLength", "Keyboard scanners: the shortest code taken as a scan.");
        keys.put("display.port", "The customer pole display's serial port; empty when the till has none.");
        keys.put("display.baud", "The pole display's baud rate (often 9600).");
        keys.put("display.columns", "Characters per line of the pole display (usually 20).");
        return keys;
    }
}

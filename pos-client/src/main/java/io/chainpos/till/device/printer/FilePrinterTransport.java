package io.chainpos.till.device.printer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalInt;

/**
 * Prints by writing to a file. A USB printer's device file ({@code /dev/usb/lp0}) must exist: when it does not,
 * the printer is unplugged or off. A plain file (demos, tests) is created and appended to, one job after another.
 * Neither carries status answers back.
 */
public final class FilePrinterTransport implements PrinterTransport {
    private final Path path;
    private final boolean device;

    private FilePrinterTransport(Path path, boolean device) {
        this.path = path;
        this.device = device;
    }

    /** A USB printer seen by the system as a device file, such as {@code /dev/usb/lp0}. */
    public static FilePrinterTransport usbDevice(Path deviceFile) {
        return new FilePrinterTransport(deviceFile, true);
    }

    /** A plain file that receives every job's bytes, created when missing. */
    public static FilePrinterTransport file(Path file) {
        return new FilePrinterTransport(file, false);
    }

    @Override
    public PrinterConnection open() throws IOException {
        OutputStream out;
        try {
            if (device) {
                if (!Files.exists(path)) {
                    throw new IOException("no printer at " + path + " (unplugged or switched off?)");
                }
                out = Files.newOutputStream(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            } else {
                if (path.getParent() != null) {
                    Files.createDirectories(path.getParent());
                }
                out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
            }
        } catch (AccessDeniedException e) {
            throw new IOException("no permission to write " + path
                    + (device ? ": on Linux add the till's user to the lp group" : ""), e);
        }
        return new PrinterConnection() {
            @Override
            public void write(byte[] bytes) throws IOException {
                out.write(bytes);
                out.flush();
            }

            @Override
            public OptionalInt ask(byte[] request) {
                return OptionalInt.empty();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }

    @Override
    public String describe() {
        return (device ? "usb " : "file ") + path;
    }
}

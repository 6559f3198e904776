package io.chainpos.till.device.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * One open serial port through jSerialComm, named as the system names it ({@code /dev/ttyUSB0}, {@code COM3},
 * or a pseudo-terminal's path), 8 data bits, no parity, one stop bit, no flow control. Reads wait at most the
 * read timeout; a port that disappears (unplugged) makes reads and writes fail rather than hang.
 */
public final class SerialLine implements Closeable {
    private static final int ACCESS_DENIED_UNIX = 13;
    private static final int BUSY_UNIX = 16;

    private final SerialPort port;
    private final String name;
    private final int baud;

    private SerialLine(SerialPort port, String name, int baud) {
        this.port = port;
        this.name = name;
        this.baud = baud;
    }

    public static SerialLine open(String name, int baud, Duration readTimeout, Duration writeTimeout) throws IOException {
        if (name.startsWith("/") && !Files.exists(Path.of(name))) {
            throw new IOException("no serial port " + name + " (unplugged?)");
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(name);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("no serial port " + name + " (unplugged?)", e);
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                (int) readTimeout.toMillis(), (int) writeTimeout.toMillis());
        if (!port.openPort()) {
            int error = port.getLastErrorCode();
            String why = switch (error) {
                case ACCESS_DENIED_UNIX -> "permission denied: on Linux add the till's user to the dialout group";
                case BUSY_UNIX -> "another program has it open";
                default -> "error " + error + "; is another program using it, or may this user not open it?";
            };
            throw new IOException("cannot open serial port " + name + ": " + why);
        }
        return new SerialLine(port, name, baud);
    }

    public String name() {
        return name;
    }

    public void write(byte[] bytes) throws IOException {
        int written = port.writeBytes(bytes, bytes.length);
        if (written != bytes.length) {
            throw new IOException("serial port " + name + " took " + Math.max(0, written) + " of " + bytes.length
                    + " bytes (unplugged?)");
        }
    }

    /** Reads what has arrived, waiting up to the read timeout: 0 when nothing came; fails when the port is gone. */
    public int read(byte[] buffer) throws IOException {
        int read = port.readBytes(buffer, buffer.length);
        if (read < 0) {
            throw new IOException("serial port " + name + " is gone (unplugged?)");
        }
        return read;
    }

    /**
     * Drops whatever arrived and was not read, so the next answer read is the answer to the next question.
     * Reads it away rather than flushing: jSerialComm's flush also discards output not yet sent.
     */
    public void discardInput() throws IOException {
        byte[] stale = new byte[256];
        int available;
        while ((available = port.bytesAvailable()) > 0) {
            if (port.readBytes(stale, Math.min(available, stale.length)) < 0) {
                throw new IOException("serial port " + name + " is gone (unplugged?)");
            }
        }
        if (available < 0) {
            throw new IOException("serial port " + name + " is gone (unplugged?)");
        }
    }

    /**
     * Lets the port go once what was written has left it: jSerialComm discards unsent output on close, which
     * would cut the end off a receipt still on its way to a 9600-baud printer.
     */
    @Override
    public void close() {
        long bitsPerByte = 10;
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos()
                + Math.max(0, port.bytesAwaitingWrite()) * bitsPerByte * 1_000_000_000L / Math.max(1, baud);
        while (port.bytesAwaitingWrite() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        port.closePort();
    }
}

package io.chainpos.till.device.printer;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * A network receipt printer on its raw port (9100). Connects for each printing round and lets go after, since
 * many network printers take one connection at a time. Status requests are answered on the same socket.
 */
public final class TcpPrinterTransport implements PrinterTransport {
    private final String host;
    private final int port;
    private final Duration timeout;

    public TcpPrinterTransport(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    @Override
    public PrinterConnection open() throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            socket.close();
            throw new IOException("no printer answering at " + host + ":" + port + " (" + e.getMessage() + ")", e);
        }
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        return new PrinterConnection() {
            @Override
            public void write(byte[] bytes) throws IOException {
                out.write(bytes);
                out.flush();
            }

            @Override
            public OptionalInt ask(byte[] request) throws IOException {
                in.skip(in.available());
                write(request);
                try {
                    int answer = in.read();
                    if (answer < 0) {
                        throw new EOFException("the printer at " + host + ":" + port + " closed the connection");
                    }
                    return OptionalInt.of(answer);
                } catch (SocketTimeoutException e) {
                    throw new PrinterTimeoutException("the printer at " + host + ":" + port + " did not answer within "
                            + timeout.toMillis() + " ms");
                }
            }

            @Override
            public void close() throws IOException {
                socket.close();
            }
        };
    }

    @Override
    public String describe() {
        return "tcp " + host + ":" + port;
    }
}

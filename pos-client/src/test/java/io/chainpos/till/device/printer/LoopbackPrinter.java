package io.chainpos.till.device.printer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A network receipt printer on loopback: a real TCP server that keeps every byte it is sent and answers the
 * DLE EOT status requests the way an Epson printer does in its current condition. Start it on a port that
 * refused connections a moment ago to play a printer that was unplugged and is back.
 */
final class LoopbackPrinter implements AutoCloseable {
    private final ServerSocket server;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private volatile PrinterCondition condition = PrinterCondition.READY;
    private volatile boolean answering = true;

    LoopbackPrinter(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread acceptor = new Thread(this::accept, "loopback-printer");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A loopback port nothing listens on: connections to it are refused, like an unplugged network printer. */
    static int refusingPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
            return probe.getLocalPort();
        }
    }

    int port() {
        return server.getLocalPort();
    }

    void condition(PrinterCondition condition) {
        this.condition = condition;
    }

    /** A printer that takes bytes but never answers a status request (hung, or one that does not support DLE EOT). */
    void answering(boolean answering) {
        this.answering = answering;
    }

    synchronized byte[] received() {
        return received.toByteArray();
    }

    /** How many printouts were cut off: each printout ends with a cut. */
    int printoutsCut() {
        return (int) EscPosReader.read(received()).stream()
                .filter(item -> item instanceof EscPosReader.Command c && c.name().startsWith("CUT")).count();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                Thread reader = new Thread(() -> serve(socket), "loopback-printer-connection");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            int twoBack = -1;
            int oneBack = -1;
            int b;
            while ((b = in.read()) >= 0) {
                synchronized (this) {
                    received.write(b);
                }
                if (twoBack == 0x10 && oneBack == 0x04 && answering) {
                    out.write(StatusAnswers.answer(condition, b));
                    out.flush();
                }
                twoBack = oneBack;
                oneBack = b;
            }
        } catch (SocketException e) {
            // the till closed the connection, or this printer was "unplugged"
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : connections) {
            socket.close();
        }
    }
}

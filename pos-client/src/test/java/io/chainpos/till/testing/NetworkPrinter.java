package io.chainpos.till.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A network receipt printer on loopback: a real socket on the raw port a till connects to, keeping every byte it
 * is sent. It can be switched off (the port refuses connections, as an unplugged printer's does) and on again on
 * the same port. It answers no status requests, so the till is set up with {@code printer.status=off}.
 */
public final class NetworkPrinter implements AutoCloseable {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final int port;
    private volatile ServerSocket server;

    public NetworkPrinter() {
        this.port = listen(0);
    }

    public int port() {
        return port;
    }

    /** Everything printed so far. */
    public byte[] printed() {
        synchronized (printed) {
            return printed.toByteArray();
        }
    }

    /** Unplugged: the port refuses new connections and the open ones are cut. */
    public void switchOff() {
        closeAll();
    }

    /** Plugged in again, on the same port. */
    public void switchOn() {
        listen(port);
    }

    private int listen(int onPort) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
            server = socket;
            Thread.ofPlatform().daemon().name("network-printer").start(() -> accept(socket));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.add(client);
                Thread.ofPlatform().daemon().name("network-printer-client").start(() -> read(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void read(Socket client) {
        byte[] buffer = new byte[8192];
        try (InputStream in = client.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (printed) {
                    printed.write(buffer, 0, n);
                }
            }
        } catch (IOException cut) {
            // switched off while connected
        } finally {
            connections.remove(client);
        }
    }

    private void closeAll() {
        try {
            if (server != null) {
                server.close();
            }
            for (Socket client : connections) {
                client.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closeAll();
    }
}

package io.tvarr.relay.session;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 GET over a plain socket, its body read straight from the socket into the caller's array. The relay
 * uses it for {@code http://} upstreams because the JDK's client costs most of the relay's CPU per GB
 * (RelayCpuBench): a selector thread hand-off, a fresh buffer and a queue hop for every 16 KiB. Redirects are the
 * caller's; {@code https://} stays with the JDK's client.
 */
final class PlainHttpGet {
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int SOCKET_BUFFER_BYTES = 1024 * 1024;
    private static final int INTERRUPT_CHECK_MILLIS = 200;

    private PlainHttpGet() {}

    /**
     * An answer: its status, headers (names in lower case) and body. Closing the body closes the connection, from
     * any thread: a blocked read then fails.
     */
    record Response(int status, URI uri, Map<String, String> headers, InputStream body) {
        String header(String name) {
            return headers.getOrDefault(name, "");
        }
    }

    /**
     * Connects, sends the request and reads the answer's head.
     *
     * @throws SocketTimeoutException when the head did not come within {@code answerTimeout}
     * @throws InterruptedIOException (not a timeout) when the thread was interrupted while waiting for the head
     * @throws IOException when the connection failed or the answer is not HTTP
     * @throws IllegalArgumentException when a header name or value would break the request
     */
    static Response get(URI uri, Map<String, String> headers, Duration connectTimeout, Duration answerTimeout)
            throws IOException {
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("no host");
        }
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        String request = request(uri, headers);
        Socket socket = new Socket();
        try {
            socket.setReceiveBufferSize(SOCKET_BUFFER_BYTES);
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, connectTimeout.toMillis()));
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            long deadline = System.nanoTime() + answerTimeout.toNanos();
            Head head = Head.read(socket, deadline, new byte[0], 0, 0);
            while (head.status >= 100 && head.status < 200) {
                // an interim answer; the real one follows, maybe already in the bytes read
                head = Head.read(socket, deadline, head.rest, head.restFrom, head.restTo);
            }
            // past the head, silence is the relay's watchdog's to judge, not a socket timeout
            socket.setSoTimeout(0);
            return new Response(head.status, uri, head.headers, body(socket, head));
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static String request(URI uri, Map<String, String> headers) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        StringBuilder request = new StringBuilder(256)
                .append("GET ")
                .append(path)
                .append(query)
                .append(" HTTP/1.1\r\nHost: ")
                .append(authority)
                .append("\r\n");
        boolean accept = false;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("host") || lower.equals("connection") || lower.equals("content-length")) {
                continue; // this request's own
            }
            if (!token(name)) {
                throw new IllegalArgumentException("header name '" + name + "' is not a valid HTTP token");
            }
            if (header.getValue().indexOf('\r') >= 0 || header.getValue().indexOf('\n') >= 0) {
                throw new IllegalArgumentException("header '" + name + "': value holds a line break");
            }
            accept |= lower.equals("accept");
            request.append(name).append(": ").append(header.getValue()).append("\r\n");
        }
        if (!accept) {
            request.append("Accept: */*\r\n");
        }
        return request.append("Connection: close\r\n\r\n").toString();
    }

    private static boolean token(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static InputStream body(Socket socket, Head head) throws IOException {
        Wire wire = new Wire(socket, head.rest, head.restFrom, head.restTo);
        String encoding = head.headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
        if (encoding.contains("chunked")) {
            return new Chunked(wire);
        }
        String length = head.headers.get("content-length");
        if (length != null) {
            try {
                return new Limited(wire, Long.parseLong(length.strip()));
            } catch (NumberFormatException e) {
                throw new IOException("invalid Content-Length '" + length + "'");
            }
        }
        return wire;
    }

    /** The status line and headers, and the body bytes that came with them. */
    private static final class Head {
        final int status;
        final Map<String, String> headers;
        final byte[] rest;
        final int restFrom;
        final int restTo;

        private Head(int status, Map<String, String> headers, byte[] rest, int restFrom, int restTo) {
            this.status = status;
            this.headers = headers;
            this.rest = rest;
            this.restFrom = restFrom;
            this.restTo = restTo;
        }

        /** Reads a head, starting with {@code carried} bytes already read from the socket. */
        static Head read(Socket socket, long deadline, byte[] carried, int from, int to) throws IOException {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[Math.max(16 * 1024, to - from)];
            System.arraycopy(carried, from, buffer, 0, to - from);
            int length = to - from;
            int scanned = 0;
            while (true) {
                int end = endOfHead(buffer, scanned, length);
                if (end >= 0) {
                    return parse(buffer, end, length);
                }
                scanned = Math.max(0, length - 3);
                if (length == buffer.length) {
                    if (buffer.length >= MAX_HEADER_BYTES) {
                        throw new IOException("answer head larger than " + MAX_HEADER_BYTES + " bytes");
                    }
                    buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
                }
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new SocketTimeoutException("no answer in time");
                }
                // a socket read ignores interrupts: waiting in slices lets a stopped session give up at once
                socket.setSoTimeout((int) Math.min(INTERRUPT_CHECK_MILLIS, left));
                int n;
                try {
                    n = in.read(buffer, length, buffer.length - length);
                } catch (SocketTimeoutException slice) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedIOException("interrupted while waiting for the answer");
                    }
                    continue;
                }
                if (n < 0) {
                    throw new EOFException("connection closed before an answer");
                }
                length += n;
            }
        }

        /** Index just past the blank line ending the head, or -1. */
        private static int endOfHead(byte[] b, int from, int to) {
            for (int i = from; i + 3 < to; i++) {
                if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                    return i + 4;
                }
            }
            return -1;
        }

        private static Head parse(byte[] buffer, int end, int length) throws IOException {
            String[] lines = new String(buffer, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
            String[] status = lines[0].split(" ", 3);
            if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1 answer");
            }
            int code;
            try {
                code = Integer.parseInt(status[1]);
            } catch (NumberFormatException e) {
                throw new IOException("invalid HTTP status '" + status[1] + "'");
            }
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(
                            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).strip());
                }
            }
            return new Head(code, headers, buffer, end, length);
        }
    }

    /**
     * The raw connection after the head, buffered for the chunked framing and small chunks; a large read with
     * nothing buffered goes straight from the socket into the caller's array.
     */
    private static final class Wire extends InputStream {
        private static final int BUFFER_BYTES = 64 * 1024;

        private final Socket socket;
        private final InputStream in;
        private final byte[] buffer;
        private int from;
        private int to;

        Wire(Socket socket, byte[] rest, int restFrom, int restTo) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.buffer = rest.length >= BUFFER_BYTES ? rest : java.util.Arrays.copyOf(rest, BUFFER_BYTES);
            this.from = restFrom;
            this.to = restTo;
        }

        @Override
        public int read() throws IOException {
            if (from == to && !fill()) {
                return -1;
            }
            return buffer[from++] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (from == to) {
                if (length >= BUFFER_BYTES / 2) {
                    return in.read(target, offset, length);
                }
                if (!fill()) {
                    return -1;
                }
            }
            int n = Math.min(length, to - from);
            System.arraycopy(buffer, from, target, offset, n);
            from += n;
            return n;
        }

        /** Whether the buffered bytes hold {@code count} whole lines. */
        boolean holdsLines(int count) {
            int found = 0;
            for (int i = from; i < to && found < count; i++) {
                if (buffer[i] == '\n') {
                    found++;
                }
            }
            return found >= count;
        }

        /** Bytes read from the socket and not yet taken. */
        int buffered() {
            return to - from;
        }

        private boolean fill() throws IOException {
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                return false;
            }
            from = 0;
            to = n;
            return true;
        }

        /** One line of chunked framing, without its CRLF. */
        String line() throws IOException {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = read()) >= 0) {
                if (c == '\n') {
                    int last = line.length() - 1;
                    return last >= 0 && line.charAt(last) == '\r' ? line.substring(0, last) : line.toString();
                }
                if (line.length() > 4096) {
                    throw new IOException("chunk line longer than 4096 bytes");
                }
                line.append((char) c);
            }
            throw new EOFException("connection closed inside the chunked framing");
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** A body of a known length. */
    private static final class Limited extends InputStream {
        private final Wire wire;
        private long left;

        Limited(Wire wire, long length) {
            this.wire = wire;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            int n = wire.read(target, offset, (int) Math.min(length, left));
            if (n < 0) {
                throw new EOFException("connection closed " + left + " bytes before the announced end");
            }
            left -= n;
            return n;
        }

        @Override
        public void close() throws IOException {
            wire.close();
        }
    }

    /** A chunked body, decoded into the caller's array as it arrives. */
    private static final class Chunked extends InputStream {
        private final Wire wire;
        private long left;
        private boolean started;
        private boolean ended;

        Chunked(Wire wire) {
            this.wire = wire;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        /**
         * Reads from as many chunks as are already buffered (an upstream sending small chunks would otherwise cost
         * the relay a pass per chunk); waits on the socket only for the first byte.
         */
        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            int total = 0;
            while (total < length && !ended) {
                // with bytes in hand, never wait: the next chunk's framing must be buffered whole
                if (total > 0 && (wire.buffered() == 0 || (left == 0 && !wire.holdsLines(2)))) {
                    break;
                }
                if (left == 0 && !nextChunk()) {
                    break;
                }
                int n = wire.read(target, offset + total, (int) Math.min(length - total, left));
                if (n < 0) {
                    throw new EOFException("connection closed inside a chunk");
                }
                left -= n;
                total += n;
            }
            return total == 0 && length > 0 ? -1 : total;
        }

        /** Reads the next chunk's size line; false at the last chunk (its trailers read too). */
        private boolean nextChunk() throws IOException {
            if (started && !wire.line().isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
            started = true;
            String size = wire.line();
            int extension = size.indexOf(';');
            try {
                left = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).strip(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("invalid chunk size '" + size + "'");
            }
            if (left < 0) {
                throw new IOException("invalid chunk size '" + size + "'");
            }
            if (left == 0) {
                while (!wire.line().isEmpty()) {
                    // trailers, unused
                }
                ended = true;
                return false;
            }
            return true;
        }

        @Override
        public void close() throws IOException {
            wire.close();
        }
    }
}

package rnnlab.grader.child;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Collects what a test prints, keeping the first {@code limit} bytes and counting the rest, so
 * that a flood of output costs neither memory nor disk. One instance serves every test; the
 * runner takes the text and clears it between tests.
 */
final class CappedOutput extends OutputStream {

    private final int limit;
    private final byte[] kept;
    private int size;
    private long dropped;

    CappedOutput(int limit) {
        this.limit = limit;
        this.kept = new byte[limit];
    }

    @Override
    public synchronized void write(int b) {
        if (size < limit) {
            kept[size++] = (byte) b;
        } else {
            dropped++;
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int room = Math.min(length, limit - size);
        if (room > 0) {
            System.arraycopy(bytes, offset, kept, size, room);
            size += room;
        }
        dropped += length - Math.max(room, 0);
    }

    /** Returns the kept text, with a note of how much was dropped, and clears the buffer. */
    synchronized String takeText() {
        String text = new String(kept, 0, size, StandardCharsets.UTF_8);
        if (dropped > 0) {
            text += "\n[output cut: " + dropped + " more bytes not kept]";
        }
        size = 0;
        dropped = 0;
        return text;
    }
}

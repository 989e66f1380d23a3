package cn.nantong.livingcircle.engine;

import java.util.Arrays;

/** A growable {@code int} array: collects hundreds of thousands of indices or distances without boxing. */
public final class IntList {

    private int[] values;
    private int size;

    public IntList() {
        this(64);
    }

    public IntList(int initialCapacity) {
        values = new int[Math.max(1, initialCapacity)];
    }

    public void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    public int size() {
        return size;
    }

    public int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}

package org.lmobservatory.disclosure;

/**
 * How uncertain a hidden quantity must stay, whatever a reader computes from everything published: the range the
 * reader can narrow it to must be at least `width` wide around the truth — at least width/2 below it (fewer only where
 * zero comes first) and the rest above it. With width 3 a hidden 0 could as well be 3, a hidden 2 anything from 1 to 4,
 * a hidden 40 anything from 39 to 42: never exact, never narrower than 3.
 */
public record ProtectionLevel(int width) {
    public static final ProtectionLevel DEFAULT = new ProtectionLevel(3);

    public ProtectionLevel {
        if (width < 2) throw new IllegalArgumentException("a protection width must be at least 2, got " + width);
    }

    /** How far below the true value the reader's range must reach. */
    public long below(long value) {
        return Math.min(width / 2, value);
    }

    /** How far above the true value the reader's range must reach. */
    public long above(long value) {
        return width - below(value);
    }
}

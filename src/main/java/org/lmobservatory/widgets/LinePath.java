package org.lmobservatory.widgets;

import static org.lmobservatory.widgets.Svg.n;

/** The d attribute of a series' line: the pen lifts where a value is missing, so a gap is never bridged. */
final class LinePath {
    private final StringBuilder d = new StringBuilder();
    private boolean drawing;
    private boolean broken;

    void to(double x, double y) {
        if (!drawing && d.length() > 0) broken = true;
        d.append(drawing ? " L" : (d.length() == 0 ? "M" : " M")).append(n(x)).append(' ').append(n(y));
        drawing = true;
    }

    void lift() {
        drawing = false;
    }

    boolean isEmpty() {
        return d.length() == 0;
    }

    /** True when the line restarted after a missing value. */
    boolean broken() {
        return broken;
    }

    @Override
    public String toString() {
        return d.toString();
    }
}

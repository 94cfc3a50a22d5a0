package org.lmobservatory.loader.formats;

import java.util.regex.Pattern;

/** Writes JSON paths the way people read them: $.dimension.area, $.dimension['County and Region'], $.value[17]. */
final class JsonPaths {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private JsonPaths() {
    }

    static String member(String parent, String name) {
        if (PLAIN_NAME.matcher(name).matches()) return parent + "." + name;
        return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }
}

package org.lmobservatory.cli;

import picocli.CommandLine;

/** Ids and thresholds in words a data owner uses: picocli's own message for a bad long says "is not a long". */
public final class WholeNumber implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number");
        }
    }
}

package org.lmobservatory.releases;

import picocli.CommandLine;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** --at of publish and release reschedule: an instant with its offset, as announced (2026-12-01T09:00:00+01:00). */
public final class AnnouncedInstant implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            // A local time without offset would mean a different instant on every server; refuse it rather than guess.
            throw new CommandLine.TypeConversionException("'" + value + "' is not an instant with an offset, such as "
                    + "2026-12-01T09:00:00+01:00 or 2026-12-01T08:00:00Z");
        }
    }
}

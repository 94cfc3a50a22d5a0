package org.lmobservatory.errors;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The last loaded value answers while the database is unreachable, never for other errors, never after forget. */
class LastKnownTest {
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final LastKnown<String, String> loader = new LastKnown<>(key -> {
        if (failure.get() != null) throw failure.get();
        return key + "-v1";
    }, 100);

    @Test
    void answersTheLastValueDuringAnOutageOnly() {
        assertEquals("a-v1", loader.load("a"));
        failure.set(new IllegalStateException("pool", new SQLException("refused", "08001")));
        assertEquals("a-v1", loader.load("a"));
        assertThrows(IllegalStateException.class, () -> loader.load("b"), "nothing known for b");

        failure.set(new IllegalStateException("a bug"));
        assertThrows(IllegalStateException.class, () -> loader.load("a"), "not an outage: the error stands");

        failure.set(new IllegalStateException("pool", new SQLException("refused", "08001")));
        loader.forget("a");
        assertThrows(IllegalStateException.class, () -> loader.load("a"), "forgotten after a publish");
    }
}

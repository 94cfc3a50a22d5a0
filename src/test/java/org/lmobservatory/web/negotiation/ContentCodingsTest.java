package org.lmobservatory.web.negotiation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentCodingsTest {

    @Test
    void gzipWhenListedOrAllowedByAStar() {
        assertTrue(ContentCodings.acceptsGzip("gzip"));
        assertTrue(ContentCodings.acceptsGzip("gzip, deflate, br"));
        assertTrue(ContentCodings.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
        assertTrue(ContentCodings.acceptsGzip("*"));
        assertTrue(ContentCodings.acceptsGzip("x-gzip"));
    }

    @Test
    void noGzipWhenRefusedAbsentOrWeighedBelowIdentity() {
        assertFalse(ContentCodings.acceptsGzip(null));
        assertFalse(ContentCodings.acceptsGzip(""));
        assertFalse(ContentCodings.acceptsGzip("gzip;q=0"));
        assertFalse(ContentCodings.acceptsGzip("gzip;q=0.000, identity"));
        assertFalse(ContentCodings.acceptsGzip("*, gzip;q=0"));
        assertFalse(ContentCodings.acceptsGzip("deflate, br"));
        assertFalse(ContentCodings.acceptsGzip("identity"));
        assertFalse(ContentCodings.acceptsGzip("gzip;q=0.2, identity;q=0.8"));
        assertFalse(ContentCodings.acceptsGzip("gzip;q=nonsense"));
    }
}

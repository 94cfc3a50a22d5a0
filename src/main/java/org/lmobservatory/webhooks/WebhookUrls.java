package org.lmobservatory.webhooks;

import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.errors.ObservatoryException;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * The guard against server-side request forgery: a webhook URL must be http(s), carry no credentials, and (unless
 * {@link WebhookSettings#allowPrivate()}) resolve only to public addresses. Checked when a subscription is made and
 * again before every attempt, since a name can be pointed elsewhere after it was checked. Redirects are never followed.
 */
final class WebhookUrls {
    private WebhookUrls() {
    }

    static URI check(String url, boolean allowPrivate) {
        if (url == null || url.isBlank()) throw refused("url is required: the http(s) address deliveries are POSTed to.");
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw refused("url is not a valid URI: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) throw refused("Only http and https URLs can receive webhooks, not '" + scheme + "'.");
        if (uri.getHost() == null || uri.getHost().isBlank()) throw refused("url has no host.");
        if (uri.getRawUserInfo() != null) throw refused("url must not carry a user name or password.");
        if (uri.getRawFragment() != null) throw refused("url must not have a fragment.");
        if (url.length() > 2_000) throw refused("url is longer than 2000 characters.");
        if (!allowPrivate) {
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(uri.getHost());
            } catch (UnknownHostException e) {
                throw refused("The host '" + uri.getHost() + "' cannot be resolved.");
            }
            for (InetAddress a : addresses) {
                if (!isPublic(a)) {
                    throw refused("The host '" + uri.getHost() + "' resolves to " + a.getHostAddress()
                            + ", a loopback, private or link-local address; webhooks are delivered to public addresses only.");
                }
            }
        }
        return uri;
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            // fc00::/7 unique local addresses; ::ffff:0:0/96 mapped IPv4 is unmapped by InetAddress already.
            return (b[0] & 0xfe) != 0xfc;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        // 0/8 "this network", 100.64/10 carrier-grade NAT, 198.18/15 benchmarking, 240/4 reserved.
        return first != 0 && !(first == 100 && second >= 64 && second < 128) && !(first == 198 && (second == 18 || second == 19)) && first < 240;
    }

    private static ObservatoryException refused(String detail) {
        return ErrorKind.WEBHOOK_URL_REFUSED.error(detail, Map.of("field", "url"));
    }
}

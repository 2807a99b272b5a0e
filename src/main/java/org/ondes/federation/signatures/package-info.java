/**
 * HTTP signatures for federation: a pure library on JDK crypto (no Micronaut, no database, no HTTP client).
 *
 * <ul>
 *   <li>{@link org.ondes.federation.signatures.HttpSigner} signs outgoing requests (draft-cavage-12, rsa-sha256) and
 *       returns the headers to add;</li>
 *   <li>{@link org.ondes.federation.signatures.HttpVerifier} checks a received request against Mastodon's rules and
 *       answers a {@link org.ondes.federation.signatures.Verification}: {@code Verified} or {@code Refused} with the
 *       check that failed;</li>
 *   <li>{@link org.ondes.federation.signatures.Digest} computes and checks {@code Digest} and {@code Content-Digest};</li>
 *   <li>{@link org.ondes.federation.signatures.RsaKeys} makes actor key pairs and reads and writes them as PEM;</li>
 *   <li>{@link org.ondes.federation.signatures.HttpDate} writes and reads HTTP dates.</li>
 * </ul>
 *
 * See docs/federation.md ("Signatures") for what is verified and why.
 */
package org.ondes.federation.signatures;

// A Fedify 2.3.6 ActivityPub peer for Ondes interop tests: one Person actor, auto-Accept of Follow, and test hooks.
// Follow targets are actor URLs or acct:name@host (found by WebFinger). Env: PORT (required), NAME (actor name,
// default "peer"), FIRST_KNOCK ("rfc9421" default, or "draft-cavage-http-signatures-12"). Listens on 127.0.0.1 only.
// Started and stopped by org.ondes.testkit.FedifyPeer.
import http from "node:http";
import { randomUUID } from "node:crypto";
import { createFederation, MemoryKvStore } from "@fedify/fedify";
import { Accept, Activity, Endpoints, Follow, Person, Undo } from "@fedify/vocab";

const PORT = Number(process.env.PORT);
const NAME = process.env.NAME || "peer";
const FIRST_KNOCK = process.env.FIRST_KNOCK || "rfc9421";
const ORIGIN = `http://127.0.0.1:${PORT}`;
if (!PORT) throw new Error("PORT is required");

const received = [];   // every activity a listener saw, as JSON-LD
const raw = [];        // every POST to an inbox: path, headers, body, status
const followers = new Map(); // follower actor id -> { id, inboxId }
const follows = new Map();   // target actor id -> the Follow we sent
// RSA 2048 like Mastodon (Fedify's generateCryptoKeyPair makes 4096-bit keys: seconds of start-up on 2 cores)
const keys = [await crypto.subtle.generateKey({ name: "RSASSA-PKCS1-v1_5", modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" }, true, ["sign", "verify"])];

const federation = createFederation({
  kv: new MemoryKvStore(),
  origin: ORIGIN,
  allowPrivateAddress: true, // loopback peers: tests only
  firstKnock: FIRST_KNOCK,
});

federation.setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
  if (identifier !== NAME) return null;
  const pairs = await ctx.getActorKeyPairs(identifier);
  return new Person({
    id: ctx.getActorUri(identifier),
    preferredUsername: identifier,
    name: `Fedify peer ${identifier}`,
    inbox: ctx.getInboxUri(identifier),
    endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
    followers: ctx.getFollowersUri(identifier),
    publicKey: pairs[0].cryptographicKey,
    assertionMethods: pairs.map((p) => p.multikey),
  });
}).setKeyPairsDispatcher(async (_ctx, identifier) => (identifier === NAME ? keys : []));

federation.setFollowersDispatcher("/users/{identifier}/followers", async (_ctx, identifier) =>
  identifier === NAME ? { items: [...followers.values()] } : null);

async function record(activity) {
  received.push(await activity.toJsonLd());
}

federation.setInboxListeners("/users/{identifier}/inbox", "/inbox")
  .on(Follow, async (ctx, follow) => {
    await record(follow);
    const target = ctx.parseUri(follow.objectId);
    if (follow.id == null || follow.actorId == null || target?.type !== "actor" || target.identifier !== NAME) return;
    const follower = await follow.getActor(ctx);
    if (follower == null) return;
    followers.set(follower.id.href, { id: follower.id, inboxId: follower.inboxId });
    await ctx.sendActivity({ identifier: NAME }, follower, new Accept({
      id: new URL(`${ORIGIN}/users/${NAME}#accepts/${randomUUID()}`),
      actor: ctx.getActorUri(NAME),
      object: follow,
    }));
  })
  .on(Undo, async (_ctx, undo) => {
    await record(undo);
    if (undo.actorId != null) followers.delete(undo.actorId.href);
  })
  .on(Activity, async (_ctx, activity) => record(activity))
  .onError((_ctx, error) => console.error("[peer] inbox error:", error));

function json(res, status, body) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

// acct:name@host resolved by WebFinger over plain http (loopback tests; Fedify's own lookup insists on https for acct:)
async function webFinger(target) {
  const host = target.slice(target.lastIndexOf("@") + 1);
  const url = `http://${host}/.well-known/webfinger?resource=${encodeURIComponent(target)}`;
  const response = await fetch(url, { headers: { Accept: "application/jrd+json" } });
  if (!response.ok) throw new Error(`WebFinger ${url}: HTTP ${response.status}`);
  const self = (await response.json()).links?.find((l) => l.rel === "self" && /json/.test(l.type ?? ""));
  if (self?.href == null) throw new Error(`WebFinger ${url}: no self link`);
  return self.href;
}

async function lookupActor(ctx, target) {
  if (target.startsWith("acct:")) target = await webFinger(target);
  const documentLoader = await ctx.getDocumentLoader({ identifier: NAME }); // signed GETs
  const actor = await ctx.lookupObject(target, { documentLoader });
  if (actor == null || actor.inboxId == null) throw new Error(`no actor with an inbox at ${target}`);
  return actor;
}

async function hook(req, url, body) {
  const ctx = federation.createContext(new URL(ORIGIN), undefined);
  const target = url.searchParams.get("target");
  if (req.method === "POST" && url.pathname === "/_follow") {
    const actor = await lookupActor(ctx, target);
    const follow = new Follow({
      id: new URL(`${ORIGIN}/users/${NAME}#follows/${randomUUID()}`),
      actor: ctx.getActorUri(NAME),
      object: actor.id,
    });
    await ctx.sendActivity({ identifier: NAME }, actor, follow);
    follows.set(actor.id.href, follow);
    return { id: follow.id.href, actor: actor.id.href };
  }
  if (req.method === "POST" && url.pathname === "/_unfollow") {
    const actor = await lookupActor(ctx, target);
    const follow = follows.get(actor.id.href);
    if (follow == null) throw new Error(`not following ${actor.id.href}`);
    const undo = new Undo({
      id: new URL(`${ORIGIN}/users/${NAME}#undos/${randomUUID()}`),
      actor: ctx.getActorUri(NAME),
      object: follow,
    });
    await ctx.sendActivity({ identifier: NAME }, actor, undo);
    follows.delete(actor.id.href);
    return { id: undo.id.href };
  }
  if (req.method === "POST" && url.pathname === "/_send") {
    const inbox = new URL(url.searchParams.get("inbox"));
    const activity = await Activity.fromJsonLd(JSON.parse(body.toString("utf8")), ctx);
    await ctx.sendActivity({ identifier: NAME }, { id: inbox, inboxId: inbox }, activity);
    return { id: activity.id?.href ?? null };
  }
  return undefined;
}

const server = http.createServer(async (req, res) => {
  try {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url, ORIGIN);
    if (req.method === "GET" && url.pathname === "/_health") return json(res, 200, { ok: true, name: NAME });
    if (req.method === "GET" && url.pathname === "/_received") return json(res, 200, received);
    if (req.method === "GET" && url.pathname === "/_raw") return json(res, 200, raw);
    if (url.pathname.startsWith("/_")) {
      try {
        const result = await hook(req, url, body);
        return result === undefined ? json(res, 404, { error: "no such hook" }) : json(res, 200, result);
      } catch (error) {
        return json(res, 502, { error: String(error?.stack ?? error) });
      }
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      for (const v of [value].flat()) headers.append(name, v);
    }
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const response = await federation.fetch(
      new Request(url, { method: req.method, headers, body: hasBody ? body : undefined }),
      { contextData: undefined });
    const responseBody = Buffer.from(await response.arrayBuffer());
    if (req.method === "POST" && url.pathname.endsWith("inbox")) {
      raw.push({ path: url.pathname, headers: req.headers, body: body.toString("utf8"), status: response.status });
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(responseBody);
  } catch (error) {
    console.error("[peer] request failed:", error);
    if (!res.headersSent) json(res, 500, { error: String(error) });
  }
});

server.listen(PORT, "127.0.0.1", () => console.log(`[peer] ${NAME} listening on ${ORIGIN} (first knock ${FIRST_KNOCK})`));

import type { TraceEvent } from "../../kernel/trace.ts";
import { BaseChecker, type InvariantDef } from "../checker.ts";

interface Accepted {
  readonly group: string;
  readonly members: ReadonlySet<string>;
  readonly written: Set<string>;
}

/**
 * group-snapshot: a group message's recipients are the members when it was
 * accepted. Membership is replayed from `group.join` / `group.leave
 * {group, user}`; at `group.accept {mid, group, from, members}` the
 * snapshot must equal the members then (the sender aside). Afterwards no
 * one outside the snapshot gets a copy (`group.write {mid, member}`), sees
 * it (`msg.display {mid, recipient}`) or is named by `msg.accepted
 * {mid, recipients}`, and a fan-out that says it is complete
 * (`group.fanout.done {mid, kind: "msg"}`) has written to every one of it.
 */
class GroupSnapshot extends BaseChecker {
  private readonly members = new Map<string, Set<string>>();
  private readonly accepted = new Map<string, Accepted>();

  private membersOf(group: string): Set<string> {
    let m = this.members.get(group);
    if (!m) this.members.set(group, (m = new Set()));
    return m;
  }

  private accept(e: TraceEvent, d: Readonly<Record<string, unknown>>): void {
    const mid = String(d.mid);
    const group = String(d.group);
    const snapshot = new Set((d.members as string[] | undefined) ?? []);
    if (this.accepted.has(mid)) return;
    this.accepted.set(mid, { group, members: snapshot, written: new Set() });
    const now = new Set(this.membersOf(group));
    now.delete(String(d.from));
    const extra = [...snapshot].filter((u) => !now.has(u));
    const missing = [...now].filter((u) => !snapshot.has(u));
    if (extra.length + missing.length === 0) return;
    const parts = [missing.length ? `leaves out member(s) ${missing.join(", ")}` : "", extra.length ? `names non-member(s) ${extra.join(", ")}` : ""];
    this.report(e, `${mid} accepted in ${group} with recipients that ${parts.filter(Boolean).join(" and ")}`, [e.node ?? ""]);
  }

  private outside(e: TraceEvent, mid: string, who: string, what: string): void {
    const a = this.accepted.get(mid);
    if (!a || a.members.has(who)) return;
    this.report(e, `${what} ${mid} of ${a.group} to ${who}, who was not a member when it was accepted`, [e.node ?? "", who.split(":")[0]]);
  }

  onEvent(e: TraceEvent): void {
    if (e.type !== "observe") return;
    const d = e.data ?? {};
    switch (e.name) {
      case "group.join":
        return void this.membersOf(String(d.group)).add(String(d.user));
      case "group.leave":
        return void this.membersOf(String(d.group)).delete(String(d.user));
      case "group.accept":
        return this.accept(e, d);
      case "group.write":
        this.accepted.get(String(d.mid))?.written.add(String(d.member));
        return this.outside(e, String(d.mid), String(d.member), d.kind === "mention" ? "a mention of" : "a copy of");
      case "msg.display":
        return this.outside(e, String(d.mid), String(d.recipient ?? e.node), "shows");
      case "msg.accepted":
        for (const r of (d.recipients as string[] | undefined) ?? []) this.outside(e, String(d.mid), r, "acknowledges");
        return;
      case "group.fanout.done": {
        const a = this.accepted.get(String(d.mid));
        if (!a || d.kind !== "msg") return;
        const skipped = [...a.members].filter((u) => !a.written.has(u));
        if (skipped.length > 0) this.report(e, `fan-out of ${String(d.mid)} in ${a.group} finished without writing to ${skipped.join(", ")} (members when it was accepted)`, [e.node ?? ""]);
        return;
      }
    }
  }
}

export const groupSnapshot: InvariantDef = {
  name: "group-snapshot",
  description: "a group message goes to exactly the members when it was accepted: no later joiner gets it, no one who left earlier does, no member then is skipped",
  kind: "safety",
  create: () => new GroupSnapshot(),
};

import type { CatalogEntry } from "./catalog.ts";

/**
 * The order a class meets the built-in scenarios: the demo, the message
 * log from idempotence to exactly-once, the chat system stage by stage,
 * then its variations. Scenarios not named here follow under "More".
 */
const PATH: readonly { group: string; names: readonly string[] }[] = [
  { group: "Start here", names: ["demo"] },
  { group: "The message log", names: ["log-idempotent", "log-transactions", "log-consumer-group", "log-ctp"] },
  { group: "Chat, stage by stage", names: ["chat-polling", "chat-websocket", "chat-stateful", "chat-cdc", "chat-split"] },
  { group: "Chat: sync queues", names: ["chat-sync-queue"] },
  { group: "Chat: notifications", names: ["chat-notify"] },
  { group: "Chat: groups", names: ["chat-group-small", "chat-group-large", "chat-group-mentions", "chat-group-sync-queue"] },
];

export interface PickerGroup {
  readonly group: string;
  readonly entries: readonly CatalogEntry[];
}

/** The catalog in teaching order, grouped; every entry appears exactly once. */
export function teachingGroups(catalog: readonly CatalogEntry[]): PickerGroup[] {
  const byName = new Map(catalog.map((e) => [e.name, e]));
  const placed = new Set<string>();
  const groups: PickerGroup[] = [];
  for (const { group, names } of PATH) {
    const entries = names.flatMap((n) => {
      const e = byName.get(n);
      if (!e) return [];
      placed.add(n);
      return [e];
    });
    if (entries.length > 0) groups.push({ group, entries });
  }
  const rest = catalog.filter((e) => !placed.has(e.name)).sort((a, b) => a.name.localeCompare(b.name));
  if (rest.length > 0) groups.push({ group: "More", entries: rest });
  return groups;
}

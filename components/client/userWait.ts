import { openItems, type ServerRequests } from "@/lib/client";
import type { UserWait } from "@/lib/tools";

/** The tool runner's view of the session's server requests: is the server waiting on the user? */
export function userWaitOf(requests: ServerRequests): UserWait {
  return { waiting: () => openItems(requests.get()).length > 0, subscribe: requests.subscribe };
}

import type { Metadata } from "next";
import { NotFoundView } from "@/components/shell/not-found-view";

export const metadata: Metadata = { title: "Page not found" };

// Any address no page answers: Synco's own page, not the framework's bare one.
export default function NotFound() {
  return <NotFoundView />;
}

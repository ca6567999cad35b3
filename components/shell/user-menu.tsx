"use client";

import { TopBar } from "@shopify/polaris";
import { ExitIcon, SettingsIcon } from "@shopify/polaris-icons";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Me } from "@/components/api/organizations";
import { authClient } from "@/lib/auth/client";
import { useToast } from "./toast";

function initialsOf(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase());
  return (letters.length > 1 ? letters[0]! + letters.at(-1)! : (letters[0] ?? "?")).slice(0, 2);
}

export function UserMenu({ user }: { user: Me["user"] }) {
  const [open, setOpen] = useState(false);
  const showToast = useToast();
  const queryClient = useQueryClient();
  const router = useRouter();

  async function signOut() {
    setOpen(false);
    const { error } = await authClient.signOut();
    if (error) return showToast("Could not sign out. Try again.", { error: true });
    queryClient.clear();
    router.replace("/sign-in");
    router.refresh();
  }

  return (
    <TopBar.UserMenu
      name={user.name}
      detail={user.email}
      initials={initialsOf(user.name)}
      open={open}
      onToggle={() => setOpen((o) => !o)}
      actions={[
        {
          items: [
            { content: "Organization settings", icon: SettingsIcon, url: "/settings", onAction: () => setOpen(false) },
          ],
        },
        { items: [{ content: "Sign out", icon: ExitIcon, onAction: () => void signOut() }] },
      ]}
    />
  );
}

"use client";

import { Icon, TextField } from "@shopify/polaris";
import { SearchIcon } from "@shopify/polaris-icons";
import { useEffect, useState } from "react";

const DEBOUNCE_MS = 300;

type Props = { label: string; placeholder: string; value: string; onSearch: (value: string) => void };

/** A search box that asks once the typing pauses; follows `value` when it changes from outside (Back, a link). */
export function SearchField({ label, placeholder, value, onSearch }: Props) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  // Adjusted while rendering: the URL moved on its own (not to what is typed), so the box follows it.
  if (value !== seen) {
    setSeen(value);
    if (text.trim() !== value) setText(value);
  }

  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => onSearch(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);

  return (
    <TextField
      label={label}
      labelHidden
      placeholder={placeholder}
      autoComplete="off"
      value={text}
      onChange={setText}
      prefix={<Icon source={SearchIcon} tone="subdued" />}
      clearButton
      onClearButtonClick={() => {
        setText("");
        onSearch("");
      }}
      maxLength={200}
    />
  );
}

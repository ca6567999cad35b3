"use client";

import { Box, Button, ButtonGroup, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState, type FormEvent } from "react";
import { formatCount } from "../format";

type Props = {
  page: number;
  /** The last page, when the list's size is known exactly. */
  lastPage: number | null;
  hasNext: boolean;
  /** "1–50 of 7,500". */
  range: string;
  plural: string;
  onPage: (page: number) => void;
};

/** First, previous, a page number to jump to, next and last: any page of a big list is one step away. */
export function ListPagination({ page, lastPage, hasNext, range, plural, onPage }: Props) {
  const [typed, setTyped] = useState<string | null>(null);
  const [seenPage, setSeenPage] = useState(page);
  // Another page came (a button, Back): the box shows its number again.
  if (page !== seenPage) {
    setSeenPage(page);
    setTyped(null);
  }
  const value = typed ?? String(page);
  const wanted = Number(value);
  const valid = Number.isSafeInteger(wanted) && wanted >= 1 && (lastPage === null || wanted <= lastPage);

  function jump(event: FormEvent) {
    event.preventDefault();
    if (!valid) return;
    setTyped(null);
    if (wanted !== page) onPage(wanted);
  }

  return (
    <Box padding="300" borderBlockStartWidth="025" borderColor="border-secondary">
      <InlineStack align="space-between" blockAlign="center" gap="300">
        <Text as="p" variant="bodySm" tone="subdued" numeric>
          {range}
        </Text>
        <InlineStack gap="200" blockAlign="center">
          <ButtonGroup variant="segmented">
            <Button disabled={page === 1} onClick={() => onPage(1)}>
              First
            </Button>
            <Button disabled={page === 1} onClick={() => onPage(page - 1)}>
              Previous
            </Button>
          </ButtonGroup>
          <form onSubmit={jump} aria-label={`Go to a page of ${plural}`}>
            <InlineStack gap="100" blockAlign="center" wrap={false}>
              <div style={{ width: "5.5rem" }}>
                <TextField
                  label="Page"
                  labelHidden
                  type="number"
                  min={1}
                  max={lastPage ?? undefined}
                  autoComplete="off"
                  value={value}
                  onChange={setTyped}
                  error={typed !== null && !valid}
                />
              </div>
              <Text as="span" variant="bodySm" numeric>
                {lastPage !== null ? `of ${formatCount(lastPage)}` : ""}
              </Text>
              <Button submit disabled={!valid || wanted === page}>
                Go
              </Button>
            </InlineStack>
          </form>
          <ButtonGroup variant="segmented">
            <Button disabled={!hasNext} onClick={() => onPage(page + 1)}>
              Next
            </Button>
            <Button
              disabled={lastPage === null || page >= lastPage}
              onClick={() => lastPage !== null && onPage(lastPage)}
            >
              Last
            </Button>
          </ButtonGroup>
        </InlineStack>
      </InlineStack>
    </Box>
  );
}

import { type FormEvent, forwardRef, useState } from "react";
import { useLocation } from "wouter";
import { searchAddress } from "../searchAddress";
import "../search.css";

/**
 * The header's search box: Enter opens the search page (`/search?q=…`) with what was typed. `/` focuses it from
 * anywhere (the header's useSearchShortcut). Its name avoids the word "search" the article list's own box has.
 */
export const HeaderSearch = forwardRef<HTMLInputElement>(function HeaderSearch(_props, ref) {
  const [, navigate] = useLocation();
  const [typed, setTyped] = useState("");

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = typed.trim();
    if (!q) return;
    navigate(searchAddress(q));
    setTyped("");
  }

  return (
    <search aria-label="Newsroom" className="header-search">
      <form className="header-search__form" onSubmit={handleSubmit}>
        <input
          ref={ref}
          type="search"
          aria-label="Find claims, articles and evidence"
          aria-keyshortcuts="/"
          placeholder="Find claims, articles… ( / )"
          maxLength={500}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
      </form>
    </search>
  );
});

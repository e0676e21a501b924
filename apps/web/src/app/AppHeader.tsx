import { useEffect, useId, useRef, useState } from "react";
import { Link, useLocation, useRoute } from "wouter";
import { AccountMenu } from "../features/auth/components/AccountMenu";
import { useCurrentUser } from "../features/auth/hooks/useCurrentUser";
import { HeaderSearch } from "../features/search/components/HeaderSearch";
import { useSearchShortcut } from "../features/search/hooks/useSearchShortcut";
import { MyWorkLink } from "../features/workflow/components/MyWorkLink";
import "./header.css";

/**
 * The app's header: the brand, "Speakers" and "My work", the search box (`/` focuses it from any page) and the
 * account corner. On a phone (header.css) they fold behind a Menu button, which opens them below the brand; a move
 * to another page or Escape folds them again, and `/` opens them to reach the box.
 */
export function AppHeader() {
  const { user } = useCurrentUser();
  const [isMenuOpen, setIsMenuOpen] = useState(false);
  const [location] = useLocation();
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [isOnSpeakers] = useRoute("/speakers/*?");

  // `/` reaches the box, unfolding the menu first on a phone (where it is hidden until then).
  useSearchShortcut(() => {
    // Laid out: focus it now. Folded away on a phone (no boxes to draw): unfold, then focus once it shows.
    if (searchRef.current && searchRef.current.getClientRects().length > 0) return searchRef.current.focus();
    setIsMenuOpen(true);
    requestAnimationFrame(() => searchRef.current?.focus());
  }, user !== null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the menu folds whenever the page changes.
  useEffect(() => {
    setIsMenuOpen(false);
  }, [location]);

  // Escape folds the open menu, back to its button.
  useEffect(() => {
    if (!isMenuOpen) return;
    function handleKeyDown(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      setIsMenuOpen(false);
      buttonRef.current?.focus();
    }
    document.addEventListener("keydown", handleKeyDown);
    return () => document.removeEventListener("keydown", handleKeyDown);
  }, [isMenuOpen]);

  return (
    <header className="app-header" data-menu-open={isMenuOpen}>
      <Link href="/" className="brand">
        Factmark
      </Link>
      {user && (
        <button
          ref={buttonRef}
          type="button"
          className="app-header__menu-button"
          aria-expanded={isMenuOpen}
          aria-controls={menuId}
          onClick={() => setIsMenuOpen((isOpen) => !isOpen)}
        >
          <span className="app-header__menu-icon" aria-hidden="true" />
          Menu
        </button>
      )}
      <div id={menuId} className="app-header__menu">
        {user && (
          <div className="app-header__start">
            <nav aria-label="Newsroom">
              <Link href="/speakers" className="app-nav-link" aria-current={isOnSpeakers ? "page" : undefined}>
                Speakers
              </Link>
            </nav>
            <MyWorkLink />
          </div>
        )}
        {user && <HeaderSearch ref={searchRef} />}
        <AccountMenu />
      </div>
    </header>
  );
}

import { useEffect, useId, useRef, useState } from "react";
import { Link, useLocation } from "wouter";
import { AccountMenu } from "../features/auth/components/AccountMenu";
import { useCurrentUser } from "../features/auth/hooks/useCurrentUser";
import { MyWorkLink } from "../features/workflow/components/MyWorkLink";
import "./header.css";

/**
 * The app's header: the brand, "My work" and the account corner. On a phone (header.css) the links fold behind a
 * Menu button, which opens them below the brand; a move to another page or Escape folds them again.
 */
export function AppHeader() {
  const { user } = useCurrentUser();
  const [isMenuOpen, setIsMenuOpen] = useState(false);
  const [location] = useLocation();
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);

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
        <MyWorkLink />
        <AccountMenu />
      </div>
    </header>
  );
}

export * from "./precedentSearchTerms";
export { canonicalTerm, oppositeTerms, synonymsOf } from "./precedentSynonyms";
export * from "./readClaimFeatures";
export * from "./scorePrecedent";
export * from "./stemWord";

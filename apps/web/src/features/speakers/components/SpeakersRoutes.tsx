import { Route, Switch } from "wouter";
import { NoticeProvider } from "../../../components/NoticeProvider";
import { SpeakerByName } from "./SpeakerByName";
import { SpeakerRecordPage } from "./SpeakerRecordPage";
import { SpeakersPage } from "./SpeakersPage";

/**
 * The speakers' pages: `/speakers` (the list), `/speakers/:id` (a record) and `/speakers/by-name/:name` (the record a
 * claim's spelling belongs to). One notice area spans them, so "Merged …" is still shown on the record merged into.
 */
export function SpeakersRoutes() {
  return (
    <NoticeProvider>
      <Switch>
        <Route path="/speakers">
          <SpeakersPage />
        </Route>
        <Route path="/speakers/by-name/:name">
          {(params) => <SpeakerByName key={params.name} name={decodeParam(params.name)} />}
        </Route>
        <Route path="/speakers/:id">{(params) => <SpeakerRecordPage key={params.id} speakerId={params.id} />}</Route>
      </Switch>
    </NoticeProvider>
  );
}

/**
 * A path parameter as it was before encodeURIComponent: the router decodes all but the reserved characters (a "/" in
 * a name stays "%2F"), so the rest is decoded here; a malformed one is taken as it is.
 */
function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/* global Office, document */
// Task pane entry. The =IND.* functions run in this same page (shared runtime).
import { mountPane } from "./pane";
import { createOfficeHost } from "../hosts/office/officeHost";

Office.onReady(() => {
  mountPane(document, createOfficeHost());
});

// The workspace revision: one number, never reset, that every change which can alter
// any file's analysis bumps: an index change other files read (affectsOthers), a skill
// added, changed or removed, the skills or the rules document replaced, settings. Its
// host owns it (one per workspace, shared by every project's service); the service's
// validation cache and the language server's result ids compare it. A change that
// affects only its own file leaves it alone, so other files keep their results.
export class Revision {
  private value = 0;

  get current(): number {
    return this.value;
  }

  bump(): void {
    this.value++;
  }
}

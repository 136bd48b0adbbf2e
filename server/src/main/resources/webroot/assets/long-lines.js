/*
 * Lines longer than the board lists, as a screen follows them (the console, the display). The board lists the first
 * 50 of each poli's line and counts them all (waitingCount); a screen holds those it was shown and counts the rest:
 *
 *   import { LongLines } from '/assets/long-lines.js';
 *   const lines = new LongLines();
 *   lines.fromBoard(board);                                   // at every snapshot or board read
 *   const { behind, readAgain } = lines.take(ticket, previous, fresh, held);   // at every changed ticket
 *   lines.notListed('UMUM');                                  // waiting, counted but not held
 *   lines.runningLow(codes, held);                            // time to read the board's next ones
 *
 * held(code, exceptId): the waiting tickets of a poli the screen holds, but exceptId.
 */

// Fewer of a line held than this while more wait behind them: the board is read again for the next ones.
export const HEAD_LOW = 10;

export class LongLines {
  constructor() {
    this.unseen = new Map();   // service code → waiting tickets past the ones the board listed, never seen here
    this.behind = new Map();   // ticket id → service code: joined a line behind the unseen, so counted, not held
  }

  /** From a board (a snapshot, or a board read again): each line's tickets past those it listed. */
  fromBoard(board) {
    this.clear();
    for (const service of board.services || []) {
      const unseen = (service.waitingCount || 0) - (service.waiting || []).length;
      if (unseen > 0) this.unseen.set(service.code, unseen);
    }
  }

  clear() {
    this.unseen.clear();
    this.behind.clear();
  }

  /** Whether some line is held only in part. */
  get partial() {
    return this.unseen.size > 0;
  }

  /** Waiting tickets of a service counted here but not held. */
  notListed(code) {
    let count = this.unseen.get(code) || 0;
    for (const service of this.behind.values()) if (service === code) count++;
    return count;
  }

  /**
   * A ticket as it is after a change; `previous` as the screen holds it (undefined when it holds none), `fresh` when
   * it was just issued. `behind`: it stands in a line behind tickets the screen never saw, so it is counted here and
   * the screen must not hold it. `readAgain`: a ticket never seen changed, perhaps one of a line's unseen, and which
   * line it left is not known here, so the screen reads the board again.
   */
  take(ticket, previous, fresh, held) {
    const behindIn = this.behind.get(ticket.id);
    this.behind.delete(ticket.id);
    if (behindIn !== undefined && ticket.status === 'WAITING' && ticket.service === behindIn) {
      this.behind.set(ticket.id, behindIn);   // still in line behind the unseen
      return { behind: true, readAgain: false };
    }
    const readAgain = !previous && behindIn === undefined && !fresh && this.partial;
    // Joining a line at a place past the tickets held: somebody the board did not list is ahead of it.
    const joinsBehind = ticket.status === 'WAITING' && this.notListed(ticket.service) > 0
      && !(previous && previous.status === 'WAITING' && previous.service === ticket.service)
      && !(ticket.position && ticket.position <= held(ticket.service, ticket.id) + 1);
    if (joinsBehind) this.behind.set(ticket.id, ticket.service);
    return { behind: joinsBehind, readAgain };
  }

  /** Whether the first of a long line were called, so that fewer than HEAD_LOW are held while more wait. */
  runningLow(codes, held) {
    return codes.some((code) => this.notListed(code) > 0 && held(code) < HEAD_LOW);
  }
}

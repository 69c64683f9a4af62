// How a lock taken offline ("Take offline") is said, in the editor's lock notice and in queue rows.

/** "Ji Da-gyum is working offline on this"; "You are working offline on this". */
export const offlineHolderWords = (name: string, self = false) => `${name} ${self ? 'are' : 'is'} working offline on this`;

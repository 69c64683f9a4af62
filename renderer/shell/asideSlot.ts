// The shell's top-level <aside> (complementary landmark) that the lazily loaded editor renders its side panel into.
import { createContext } from 'react';

export const AsideSlot = createContext<HTMLElement | null>(null);

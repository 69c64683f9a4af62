// Sandboxed preload (bundled into one CJS file): exposes window.newsdesk and nothing else.

import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.js';

contextBridge.exposeInMainWorld('newsdesk', createBridge(ipcRenderer));

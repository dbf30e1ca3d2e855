// The wegwijzer needs no client-side JavaScript: plain links and GET forms, rendered on the server. Without the client
// runtime the pages load fast on a cheap phone (JavaScript budget: < 50 KB; in practice only the tiny print script).
export const csr = false;

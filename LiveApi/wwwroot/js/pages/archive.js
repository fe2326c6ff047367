// 往期节目: without ?id= the searchable list of published programmes, with ?id= the replay of one (../archive/).
import { applyStrings, query } from "../core/dom.js";
import { showSearch } from "../archive/search.js";
import { showPlayer } from "../archive/player.js";

applyStrings();
const id = query("id");
if (id) showPlayer(id); else showSearch();

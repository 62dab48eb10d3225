/**
 * Common words of Hindi, Telugu and Tamil as people type them in Latin
 * letters ("Aaj ka meeting", "oka minute", "romba late"). They are the
 * sentence's own language in another script, not English loanwords
 * (docs/tagging-guideline.md), so the tagger leaves them untagged. The list
 * holds frequent function words, pronouns and light verbs; content words
 * that are also English ("bus", "time") are not in it.
 */
const WORDS = `
aaj aap aapka aapke aapki aapko abhi accha acha agar aur bahut bas bata batao bhai bhi chahiye chal chalo
de dena denge dijiye diya do ek gaya gaye gayi hai hain hoga hota hoti ho hua hui hum humne humko iska iske
iski isko jaldi jo kab kabhi kaise kal kam kar kara karein karenge karna karne karo karke karta karte karti kaun
ke ki kiya kijiye ko koi kuch kya kyun lag lagta lena le lo main maine mein mera mere meri mujhe na nahi nahin ne
par pe phir padega pata raha rahe rahi sab sakte se sirf tha the thi to tum tumhara unka unke unki usko uska
vo wala wale wali woh yaar yeh ye yahan wahan ka tak deta dete deti hoon hun aa aaya aayi sakta sakti sakte
mila mile mili hone hona shuru chuka chuki chuke bhool baad pehle isliye kyunki rakhna rakho rahi raha rahe liye
saath bhaiya bhaiyya didi ji kripaya badhani badhana isse usse unse inse chal chala chali kaam hoga hogi karega
karegi karenge diye diya di dijiye batana samajh samjha dekho dekh suno theek thik haan nahi jaldi abhi
naa nenu meeru mee memu manam oka okka ledu undi unnara unnanu chesanu chesaru cheyyali cheyali chey cheyandi
chestanu chestunnanu cheppandi cheppu enti emi ela ekkada inka ippudu appudu kuda kaani ante antha konchem
chala baga vachindi vastanu vellali raavali ayyindi avvaledu ledhu kada ga lo ki ku tho nunchi gurinchi
naan nee neenga enakku unakku avan aval romba illa irukku irukken enna eppadi enga inga anga seri sari
pannunga pannanum pannitten panren pannu vaanga ponga venum vendam konjam apram aprom la le ku kitta oda
pannitan pannitu panni pannu irukka irukku aagirukku aah aachu aagum aaga ille poga vara sollu sollunga
`;

export const ROMANIZED_WORDS: ReadonlySet<string> = new Set(
  WORDS.split(/\s+/).filter((w) => w !== ''),
);

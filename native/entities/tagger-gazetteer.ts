/**
 * States, union territories and neighbouring countries, which the place
 * lexicon (cities, towns, districts, localities with PIN ranges) leaves out
 * but which text names all the time. Written forms per script, most common
 * first; the tagger reads them as `place`.
 */
export const REGIONS: readonly { id: string; forms: readonly string[] }[] = [
  { id: 'india', forms: ['भारत', 'हिंदुस्तान', 'భారత్', 'భారతదేశం', 'భారతదేశ', 'இந்தியா', 'பாரதம்', 'India'] },
  { id: 'nepal', forms: ['नेपाल', 'నేపాల్', 'நேபாளம்', 'Nepal'] },
  { id: 'sri_lanka', forms: ['श्रीलंका', 'శ్రీలంక', 'இலங்கை', 'Sri Lanka'] },
  { id: 'bangladesh', forms: ['बांग्लादेश', 'బంగ్లాదేశ్', 'வங்காளதேசம்', 'Bangladesh'] },
  { id: 'kathmandu', forms: ['काठमांडू', 'కాఠ్మండు', 'காத்மாண்டு', 'Kathmandu'] },
  {
    id: 'andhra_pradesh',
    forms: ['आंध्र प्रदेश', 'ఆంధ్రప్రదేశ్', 'ఆంధ్ర ప్రదేశ్', 'ஆந்திரா', 'ஆந்திர பிரதேசம்', 'Andhra Pradesh'],
  },
  { id: 'telangana', forms: ['तेलंगाना', 'తెలంగాణ', 'தெலுங்கானா', 'Telangana'] },
  { id: 'tamil_nadu', forms: ['तमिलनाडु', 'తమిళనాడు', 'தமிழ்நாடு', 'Tamil Nadu'] },
  { id: 'karnataka', forms: ['कर्नाटक', 'కర్ణాటక', 'கர்நாடகா', 'Karnataka'] },
  { id: 'kerala', forms: ['केरल', 'కేరళ', 'கேரளா', 'கேரளம்', 'Kerala'] },
  { id: 'maharashtra', forms: ['महाराष्ट्र', 'మహారాష్ట్ర', 'மகாராஷ்டிரா', 'Maharashtra'] },
  { id: 'gujarat', forms: ['गुजरात', 'గుజరాత్', 'குஜராத்', 'Gujarat'] },
  { id: 'rajasthan', forms: ['राजस्थान', 'రాజస్థాన్', 'ராஜஸ்தான்', 'Rajasthan'] },
  {
    id: 'uttar_pradesh',
    forms: ['उत्तर प्रदेश', 'ఉత్తర ప్రదేశ్', 'ఉత్తరప్రదేశ్', 'உத்தரப் பிரதேசம்', 'Uttar Pradesh'],
  },
  { id: 'madhya_pradesh', forms: ['मध्य प्रदेश', 'మధ్యప్రదేశ్', 'மத்தியப் பிரதேசம்', 'Madhya Pradesh'] },
  { id: 'bihar', forms: ['बिहार', 'బిహార్', 'బీహార్', 'பீகார்', 'Bihar'] },
  { id: 'west_bengal', forms: ['पश्चिम बंगाल', 'పశ్చిమ బెంగాల్', 'மேற்கு வங்காளம்', 'West Bengal'] },
  { id: 'odisha', forms: ['ओडिशा', 'ఒడిశా', 'ஒடிசா', 'Odisha'] },
  { id: 'punjab', forms: ['पंजाब', 'పంజాబ్', 'பஞ்சாப்', 'Punjab'] },
  { id: 'haryana', forms: ['हरियाणा', 'హర్యానా', 'ஹரியானா', 'Haryana'] },
  { id: 'goa', forms: ['गोवा', 'గోవా', 'கோவா', 'Goa'] },
  { id: 'assam', forms: ['असम', 'అస్సాం', 'அசாம்', 'Assam'] },
  { id: 'jharkhand', forms: ['झारखंड', 'జార్ఖండ్', 'ஜார்க்கண்ட்', 'Jharkhand'] },
  { id: 'chhattisgarh', forms: ['छत्तीसगढ़', 'ఛత్తీస్‌గఢ్', 'சத்தீஸ்கர்', 'Chhattisgarh'] },
  { id: 'uttarakhand', forms: ['उत्तराखंड', 'ఉత్తరాఖండ్', 'உத்தராகண்ட்', 'Uttarakhand'] },
  {
    id: 'himachal_pradesh',
    forms: ['हिमाचल प्रदेश', 'హిమాచల్ ప్రదేశ్', 'இமாச்சலப் பிரதேசம்', 'Himachal Pradesh'],
  },
  { id: 'kashmir', forms: ['कश्मीर', 'కాశ్మీర్', 'காஷ்மீர்', 'Kashmir'] },
  { id: 'sikkim', forms: ['सिक्किम', 'సిక్కిం', 'సిక్కిమ్', 'சிக்கிம்', 'Sikkim'] },
  { id: 'meghalaya', forms: ['मेघालय', 'మేఘాలయ', 'మెఘాలయ', 'மேகாலயா', 'Meghalaya'] },
  { id: 'manipur', forms: ['मणिपुर', 'మణిపూర్', 'மணிப்பூர்', 'Manipur'] },
  { id: 'tripura', forms: ['त्रिपुरा', 'త్రిపుర', 'திரிபுரா', 'Tripura'] },
  { id: 'nagaland', forms: ['नागालैंड', 'నాగాలాండ్', 'நாகாலாந்து', 'Nagaland'] },
  { id: 'mizoram', forms: ['मिज़ोरम', 'मिजोरम', 'మిజోరం', 'மிசோரம்', 'Mizoram'] },
  {
    id: 'arunachal_pradesh',
    forms: ['अरुणाचल प्रदेश', 'అరుణాచల్ ప్రదేశ్', 'அருணாச்சலப் பிரதேசம்', 'Arunachal Pradesh'],
  },
  { id: 'puducherry', forms: ['पुडुचेरी', 'పుదుచ్చేరి', 'புதுச்சேரி', 'Puducherry'] },
  { id: 'ladakh', forms: ['लद्दाख', 'లడఖ్', 'லடாக்', 'Ladakh'] },
];
